"""Checks run inside the browser by the real-browser tests."""

# datasette-vega draws on a canvas: marks are saturated colours, axes and
# text are grey, so a drawn chart has more than 50 coloured pixels.
CHART_DRAWN = """() => {
  const canvas = document.querySelector('.vega-embed canvas');
  if (!canvas || !canvas.width) return false;
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let coloured = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
    if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
  }
  return coloured > 50;
}"""
