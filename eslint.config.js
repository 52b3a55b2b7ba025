// Flat config: typescript-eslint recommended rules plus the project's one hard rule for page data:
// nothing from the page may become HTML (SPEC §7, §9), so the HTML sinks are errors.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["extension/dist/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Use textContent / DOM APIs: page data never becomes HTML." },
        { property: "outerHTML", message: "Use textContent / DOM APIs: page data never becomes HTML." },
        { property: "insertAdjacentHTML", message: "Use DOM APIs: page data never becomes HTML." },
      ],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
);
