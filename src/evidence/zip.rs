//! A streaming ZIP writer (stored entries, UTF-8 names): each entry is written whole as it
//! comes, and only the central directory (about 100 bytes per entry) is kept until the end, so
//! an archive of 10,000 certificates never holds more than one page of them in memory.
//! Entries are stored, not deflated: the PDFs inside are compressed already.

use chrono::{DateTime, Datelike, Timelike, Utc};

/// Most entries one archive holds (the classic ZIP format's limit, without ZIP64).
pub const MAX_ENTRIES: usize = 65_535;

/// An archive is too big for the classic format (more than 4 GiB or 65,535 entries).
#[derive(Debug, thiserror::Error)]
#[error("the archive is too large for the ZIP format")]
pub struct TooLarge;

/// The writer's state between entries.
pub struct ZipStream {
    offset: u64,
    central: Vec<u8>,
    entries: usize,
    time: u16,
    date: u16,
}

fn dos_time(at: DateTime<Utc>) -> (u16, u16) {
    let time = ((at.hour() << 11) | (at.minute() << 5) | (at.second() / 2)) as u16;
    let year = at.year().clamp(1980, 2107) as u32 - 1980;
    let date = ((year << 9) | (at.month() << 5) | at.day()) as u16;
    (time, date)
}

fn u32_of(n: u64) -> Result<u32, TooLarge> {
    u32::try_from(n).map_err(|_| TooLarge)
}

impl ZipStream {
    /// A new archive whose entries are all dated `at`.
    pub fn new(at: DateTime<Utc>) -> ZipStream {
        let (time, date) = dos_time(at);
        ZipStream { offset: 0, central: Vec::new(), entries: 0, time, date }
    }

    /// The bytes of one entry (local header and data), to be sent next.
    pub fn entry(&mut self, name: &str, data: &[u8]) -> Result<Vec<u8>, TooLarge> {
        if self.entries >= MAX_ENTRIES {
            return Err(TooLarge);
        }
        let (crc, size, offset) = (crc32fast::hash(data), u32_of(data.len() as u64)?, u32_of(self.offset)?);
        let name_len = u16::try_from(name.len()).map_err(|_| TooLarge)?;
        let mut out = Vec::with_capacity(30 + name.len() + data.len());
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        Self::fields(&mut out, self.time, self.date, crc, size, name_len);
        out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        let c = &mut self.central;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        c.extend_from_slice(&20u16.to_le_bytes()); // version made by
        Self::fields(c, self.time, self.date, crc, size, name_len);
        for zero in [0u16; 3] {
            c.extend_from_slice(&zero.to_le_bytes()); // extra, comment, disk
        }
        c.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        c.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        c.extend_from_slice(&offset.to_le_bytes());
        c.extend_from_slice(name.as_bytes());

        self.offset += out.len() as u64;
        self.entries += 1;
        Ok(out)
    }

    /// version needed, flags (UTF-8 names), method (stored), time, date, CRC, sizes, name length
    fn fields(out: &mut Vec<u8>, time: u16, date: u16, crc: u32, size: u32, name_len: u16) {
        for v in [20u16, 0x0800, 0, time, date] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
    }

    /// The central directory and its end record: the archive's last bytes.
    pub fn finish(self) -> Result<Vec<u8>, TooLarge> {
        let (count, size, offset) = (self.entries as u16, u32_of(self.central.len() as u64)?, u32_of(self.offset)?);
        let mut out = self.central;
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        for v in [0u16, 0, count, count] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a stored archive back through its central directory (the way unzip does).
    fn entries(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
        let end = zip.len() - 22;
        assert_eq!(&zip[end..end + 4], &0x0605_4b50u32.to_le_bytes());
        let le16 = |at: usize| u16::from_le_bytes([zip[at], zip[at + 1]]) as usize;
        let le32 = |at: usize| u32::from_le_bytes([zip[at], zip[at + 1], zip[at + 2], zip[at + 3]]) as usize;
        let (count, mut at) = (le16(end + 10), le32(end + 16));
        let mut out = Vec::new();
        for _ in 0..count {
            let (crc, size, name_len, local) = (le32(at + 16), le32(at + 24), le16(at + 28), le32(at + 42));
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            let data_at = local + 30 + le16(local + 26);
            let data = zip[data_at..data_at + size].to_vec();
            assert_eq!(crc32fast::hash(&data) as usize, crc, "{name}");
            out.push((name, data));
            at += 46 + name_len;
        }
        out
    }

    #[test]
    fn an_archive_reads_back_entry_by_entry() {
        let at = DateTime::from_timestamp(1_764_000_000, 0).unwrap();
        let mut zip = ZipStream::new(at);
        let mut bytes = zip.entry("a.pdf", b"%PDF-1.7 one").unwrap();
        bytes.extend(zip.entry("señal/b.txt", b"").unwrap());
        bytes.extend(zip.finish().unwrap());
        assert_eq!(entries(&bytes), vec![("a.pdf".to_owned(), b"%PDF-1.7 one".to_vec()), ("señal/b.txt".to_owned(), Vec::new())]);
    }

    #[test]
    fn dos_dates_count_from_1980() {
        let at = DateTime::parse_from_rfc3339("2026-12-04T18:30:10Z").unwrap().with_timezone(&Utc);
        let (time, date) = dos_time(at);
        assert_eq!((time >> 11, (time >> 5) & 63, (time & 31) * 2), (18, 30, 10));
        assert_eq!((date >> 9) + 1980, 2026);
        assert_eq!(((date >> 5) & 15, date & 31), (12, 4));
    }
}
