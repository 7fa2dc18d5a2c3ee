package cn.vanguard.sheet.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Text keys (member ids, item codes) to their positions, looked up straight from a CSV buffer's bytes without making
 * a String. Open addressing over one {@code long[]} of hash and key offset, with each key's position and bytes stored
 * together, so a lookup touches two cache lines; on a ten-million-row ledger that is what keeps reading fast.
 */
public final class KeyIndex {

    private final long[] slots;
    private final byte[] keys;
    private final int mask;

    /** Positions are the keys' indexes in {@code texts}; a key given twice keeps its first position. */
    public KeyIndex(List<String> texts) {
        int capacity = Integer.highestOneBit(Math.max(4, texts.size() * 2 - 1)) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
        byte[][] encoded = new byte[texts.size()][];
        int total = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
            total += 8 + encoded[i].length;
        }
        keys = new byte[Math.max(1, total)];
        int offset = 0;
        for (int i = 0; i < encoded.length; i++) {
            byte[] key = encoded[i];
            if (find(key, 0, key.length, hash(key, 0, key.length)) >= 0) {
                continue;
            }
            putInt(offset, i);
            putInt(offset + 4, key.length);
            System.arraycopy(key, 0, keys, offset + 8, key.length);
            int h = hash(key, 0, key.length);
            int slot = h & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = ((long) h << 32) | (offset + 1L);
            offset += 8 + key.length;
        }
    }

    private void putInt(int at, int value) {
        keys[at] = (byte) (value >>> 24);
        keys[at + 1] = (byte) (value >>> 16);
        keys[at + 2] = (byte) (value >>> 8);
        keys[at + 3] = (byte) value;
    }

    private int getInt(int at) {
        return ((keys[at] & 0xFF) << 24) | ((keys[at + 1] & 0xFF) << 16) | ((keys[at + 2] & 0xFF) << 8) | (keys[at + 3] & 0xFF);
    }

    static int hash(byte[] bytes, int start, int length) {
        int h = 0x9E3779B9;
        for (int i = start; i < start + length; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    /** The position of the key in {@code bytes[start, start + length)}, or -1. */
    int get(byte[] bytes, int start, int length) {
        return find(bytes, start, length, hash(bytes, start, length));
    }

    int get(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return get(bytes, 0, bytes.length);
    }

    private int find(byte[] bytes, int start, int length, int h) {
        int slot = h & mask;
        while (true) {
            long entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == h) {
                int offset = (int) entry - 1;
                if (getInt(offset + 4) == length
                        && Arrays.equals(keys, offset + 8, offset + 8 + length, bytes, start, start + length)) {
                    return getInt(offset);
                }
            }
            slot = (slot + 1) & mask;
        }
    }
}
