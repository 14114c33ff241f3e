// Small copies made on the spot for tests and the benchmark (there is no internet here).

/** A valid one-page PDF showing `lines` in Helvetica, written by hand: header, objects, cross-reference table, trailer. */
export function makePdf(lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${escape(l)}) Tj T*`).join(" ")} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A news-like page: navigation, an article of `paragraphs` paragraphs with scripts between, a footer; `quote` in the last paragraph. */
export function makeArticlePage(quote: string, paragraphs = 3): string {
  const body: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    body.push(
      `<p>Paragraph ${i}: the delegation met on <b>Tuesday</b> and said that &ldquo;talks would continue&rdquo;, according to officials who spoke on condition of anonymity.</p>`,
    );
    if (i % 10 === 0) body.push(`<script>window.__state${i} = {"ads": [1, 2, 3]};</script>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Envoys meet</title><style>p { margin: 0 }</style></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<main><article><h1>Envoys meet in the capital</h1>${body.join("\n")}
<p>At the end of the meeting the minister said: &ldquo;${quote}&rdquo;</p></article></main>
<footer>© Example News</footer></body></html>`;
}
