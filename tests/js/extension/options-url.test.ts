import { describe, expect, it } from "vitest";
import { completeBackendUrl } from "../../../extension/src/options/backend-url";

describe("options: the backend address as typed", () => {
  it("adds the missing http:// to a host with or without a port", () => {
    expect(completeBackendUrl("127.0.0.1:9999")).toBe("http://127.0.0.1:9999");
    expect(completeBackendUrl(" localhost:8765 ")).toBe("http://localhost:8765");
    expect(completeBackendUrl("localhost")).toBe("http://localhost");
    expect(completeBackendUrl("backend:8765")).toBe("http://backend:8765");
    expect(completeBackendUrl("mpcheck.example.org")).toBe("http://mpcheck.example.org");
    expect(completeBackendUrl("[::1]:8765")).toBe("http://[::1]:8765");
    expect(completeBackendUrl("127.0.0.1:9999/api/v1/solutions")).toBe("http://127.0.0.1:9999");
  });

  it("keeps an http(s) address as its origin", () => {
    expect(completeBackendUrl("http://127.0.0.1:8765")).toBe("http://127.0.0.1:8765");
    expect(completeBackendUrl("https://mp.example:8443/x")).toBe("https://mp.example:8443");
    expect(completeBackendUrl("HTTP://LOCALHOST:8765")).toBe("http://localhost:8765");
  });

  it("refuses other schemes, credentials and junk", () => {
    for (const raw of [
      "",
      "   ",
      "nope",
      "javascript:alert(1)",
      "ftp://127.0.0.1:21",
      "file:///etc/passwd",
      "mailto:a@b.ru",
      "user:pw@127.0.0.1:8765",
      "http://user:pw@127.0.0.1:8765",
      "127.0.0.1:99999",
      "999.1.1.1:8765",
      "1.2.3",
      "http//127.0.0.1:8765",
      "хост с пробелами",
    ]) {
      expect(completeBackendUrl(raw), raw).toBeNull();
    }
  });
});
