/**
 * Rasterise an SVG chart to PNG with resvg (https://github.com/thx/resvg-js), using only the font files given
 * (system fonts are not loaded, so the output is the same on a machine without fonts).
 */
import { Resvg } from "@resvg/resvg-js";

/** Options of PNG rendering. */
export interface PngOptions {
  /** Absolute paths of TTF/OTF files to load; the first one's family is the default. */
  fontFiles: string[];
  /** Font family for text whose family is not found. Default "DejaVu Sans". */
  defaultFontFamily?: string;
  /** Pixel density multiplier. Default 2. */
  scale?: number;
}

/**
 * PNG bytes of an SVG.
 * @throws RangeError when no font file is given.
 */
export function renderPng(svg: string, options: PngOptions): Buffer {
  if (options.fontFiles.length === 0)
    throw new RangeError("fontFiles must name at least one font file, got none");
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: options.fontFiles,
      loadSystemFonts: false,
      defaultFontFamily: options.defaultFontFamily ?? "DejaVu Sans",
    },
    fitTo: { mode: "zoom", value: options.scale ?? 2 },
    background: "white",
  });
  return resvg.render().asPng();
}
