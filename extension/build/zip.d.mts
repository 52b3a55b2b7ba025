export function zipDirectory(srcDir: string, outFile: string): number;
