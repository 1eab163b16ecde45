/** Saves text as a file through the browser's download; returns the file name used. */
export function downloadText(text: string, fileName: string): string {
  const url = URL.createObjectURL(new Blob([text], { type: fileName.endsWith(".json") ? "application/json" : "text/plain" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later, not now: the browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return fileName;
}
