/**
 * SVG and PNG (2x) export (frontend.md §4.3 "Export"): the SVG already holds the title,
 * legend and copyright and follows the current filters and step, so export = serialise the
 * drawing without the on-screen zoom/pan transform.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

export function serialiseSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.removeAttribute('class');
  clone.querySelector('[data-viewport]')?.removeAttribute('transform');
  clone.querySelectorAll('[data-screen-only]').forEach((n) => n.remove());
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportSvg(svg: SVGSVGElement, width: number, height: number, filename: string): void {
  download(new Blob([serialiseSvg(svg, width, height)], { type: 'image/svg+xml' }), `${filename}.svg`);
}

export async function exportPng(svg: SVGSVGElement, width: number, height: number, filename: string, background: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([serialiseSvg(svg, width, height)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Canvas is not available.');
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG export failed.');
    download(blob, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
