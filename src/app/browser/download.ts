/** Saves text as a file through a same-origin blob URL. */
export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  // A BOM lets Excel read UTF-8 umlauts in a CSV correctly; other files (JSON) get none, as their readers expect.
  const bom = mime.startsWith('text/csv') ? ['\ufeff'] : [];
  const blob = new Blob([...bom, text], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
