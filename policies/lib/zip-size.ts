import { promises as fs } from "node:fs";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65535 bytes. */
const END_RECORD_SEARCH = 22 + 0xffff;
const ZIP64_MARKER = 0xffffffff;

/**
 * Total uncompressed size of a .zip file, read from its central directory (no decompression, so
 * a 250 MB archive costs a few kilobytes of reading). Undefined when the file is not a zip we can
 * read (ZIP64 archives, over 4 GB, are far above Lambda's limit and not expected here).
 */
export async function unzippedSize(file: string): Promise<number | undefined> {
    const handle = await fs.open(file, "r");
    try {
        const { size } = await handle.stat();
        const tailLength = Math.min(size, END_RECORD_SEARCH);
        const tail = Buffer.alloc(tailLength);
        await handle.read(tail, 0, tailLength, size - tailLength);
        let end = -1;
        for (let i = tailLength - 22; i >= 0; i--) {
            if (tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) { end = i; break; }
        }
        if (end < 0) return undefined;
        const entries = tail.readUInt16LE(end + 10);
        const directorySize = tail.readUInt32LE(end + 12);
        const directoryOffset = tail.readUInt32LE(end + 16);
        if (directoryOffset === ZIP64_MARKER || directorySize === ZIP64_MARKER) return undefined;
        const directory = Buffer.alloc(directorySize);
        await handle.read(directory, 0, directorySize, directoryOffset);
        let total = 0;
        let offset = 0;
        for (let entry = 0; entry < entries; entry++) {
            if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return undefined;
            const uncompressed = directory.readUInt32LE(offset + 24);
            if (uncompressed === ZIP64_MARKER) return undefined;
            total += uncompressed;
            offset += 46 + directory.readUInt16LE(offset + 28) + directory.readUInt16LE(offset + 30) + directory.readUInt16LE(offset + 32);
        }
        return total;
    } finally {
        await handle.close();
    }
}
