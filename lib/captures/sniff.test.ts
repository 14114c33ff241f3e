import { describe, expect, it } from "vitest";
import { makePdf } from "./fixtures";
import { kindOfFetched, sniffUpload } from "./sniff";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64)]);

describe("what an upload really is", () => {
  it("goes by the bytes, not the name or the declared type", () => {
    expect(sniffUpload(makePdf(["x"]), "text/plain", "notes.txt")).toBe("application/pdf");
    expect(sniffUpload(Buffer.from("  <!DOCTYPE html><p>x"), "application/octet-stream", "page")).toBe("text/html");
    expect(sniffUpload(Buffer.from("<p>A paragraph</p>"), "", "saved")).toBe("text/html");
    expect(sniffUpload(Buffer.from("Plain words, nothing else."), "text/plain", "a.txt")).toBe("text/plain");
    // Markup the bytes cannot prove is HTML: the declared type or the name decide.
    expect(sniffUpload(Buffer.from("Title\n<span>x</span>"), "text/html", "page.html")).toBe("text/html");
  });

  it("refuses images, programs and other binaries, naming what was picked", () => {
    expect(() => sniffUpload(PNG, "text/html", "page.html")).toThrow("This file is a PNG image, not a saved page.");
    expect(() => sniffUpload(EXE, "text/plain", "report.txt")).toThrow(
      "This file is a program (Windows executable), not a saved page.",
    );
    expect(() => sniffUpload(Buffer.from([0x01, 0x02, 0x41]), "", "x")).toThrow("This file is not text, HTML or PDF.");
    expect(() => sniffUpload(Buffer.from("Hello"), "application/pdf", "report.pdf")).toThrow(
      "its contents are not a PDF",
    );
    expect(() => sniffUpload(Buffer.alloc(0), "text/plain", "empty.txt")).toThrow("The file is empty.");
    expect(() =>
      sniffUpload(
        Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n'),
        "",
        "page.mhtml",
      ),
    ).toThrow("web archive (MHTML");
  });

  it("trusts a server's type for the kinds it names, and looks at the bytes when it names none", () => {
    expect(kindOfFetched(Buffer.from("<p>x</p>"), "text/html")).toBe("text/html");
    expect(kindOfFetched(Buffer.from("x"), "application/xhtml+xml")).toBe("text/html");
    expect(kindOfFetched(makePdf(["x"]), "application/octet-stream")).toBe("application/pdf");
    expect(kindOfFetched(Buffer.from("words"), "")).toBe("text/plain");
    expect(() => kindOfFetched(PNG, "image/png")).toThrow(
      "The address answered with image/png, which cannot be checked for quotes",
    );
    expect(() => kindOfFetched(PNG, "text/html")).toThrow("but the contents are a PNG image");
    expect(() => kindOfFetched(Buffer.from("<html>"), "application/pdf")).toThrow("said it sent a PDF");
    expect(() => kindOfFetched(Buffer.from('{"a":1}'), "application/json")).toThrow("application/json");
  });
});
