/** Saves text as a file through a same-origin blob URL. */
export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  // A BOM lets Excel read UTF-8 umlauts correctly.
  const blob = new Blob(['\ufeff', text], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
