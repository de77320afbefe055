// What `hexdump -C` prints for a byte string (util-linux's canonical
// format): the reference the hexdump program's test compares with, so the
// test needs no hexdump on the host (Debian has it in bsdextrautils, which
// a minimal system lacks); where the host has one, the test asks it too.

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

export function canonicalHexdump(buf: Buffer): string {
  let out = '';
  let prev: Buffer | null = null;
  let starred = false;
  for (let off = 0; off < buf.length; off += 16) {
    const row = buf.subarray(off, off + 16);
    if (prev && row.length === 16 && prev.equals(row)) {
      // A run of rows equal to the one before: one '*' line.
      if (!starred) out += '*\n';
      starred = true;
      continue;
    }
    starred = false;
    prev = row;
    let line = `${hex8(off)}  `;
    for (let i = 0; i < 16; i++) line += (i < row.length ? `${row[i]!.toString(16).padStart(2, '0')} ` : '   ') + (i === 7 ? ' ' : '');
    const text = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    out += `${line} |${text}|\n`;
  }
  if (buf.length > 0) out += `${hex8(buf.length)}\n`;
  return out;
}
