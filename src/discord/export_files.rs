//! Fitting an export into Discord attachments: as is when it fits the interaction's
//! `attachment_size_limit`, gzip-compressed when that fits, else the compressed file split into
//! numbered parts (one a message), each within the limit. Pure: bytes in, files out.

use crate::app::Lang;
use crate::app::words::say_in;
use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;

/// Discord's attachment limit when an interaction does not say (10 MiB, the lowest tier).
pub const DEFAULT_LIMIT: usize = 10 * 1024 * 1024;
/// The most parts an export is split into before the bot asks for a narrower one.
pub const MAX_PARTS: usize = 10;

/// Files to attach, in order, and what was done to make them fit (for the message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    pub files: Vec<(String, Vec<u8>)>,
    /// `None` when the export is attached as is.
    pub note: Option<String>,
}

/// Why an export cannot be attached.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error(
        "the export is {size} even compressed, more than {MAX_PARTS} attachments of {limit}; \
         narrow it with `since:`, or run `tunegate decisions export` on the bot's host"
    )]
    TooLarge { size: String, limit: String },
    #[error("could not compress the export: {0}")]
    Compress(#[from] std::io::Error),
}

/// The limit to respect, from the interaction's `attachment_size_limit` (0 when absent).
pub fn limit_from(attachment_size_limit: u32) -> usize {
    match attachment_size_limit {
        0 => DEFAULT_LIMIT,
        n => n as usize,
    }
}

/// Sizes for people: "12.3 MB", "870 KB", "512 bytes".
pub fn human_size(lang: Lang, bytes: usize) -> String {
    let (key, size) = if bytes >= 1_000_000 {
        ("audit-size-mb", format!("{:.1}", bytes as f64 / 1e6))
    } else if bytes >= 1_000 {
        ("audit-size-kb", (bytes / 1_000).to_string())
    } else {
        ("audit-size-bytes", bytes.to_string())
    };
    say_in(lang, key, &[("size", &size)])
}

/// Why an export cannot be attached, in words for the person who asked.
pub fn error_words(lang: Lang, error: &PackageError) -> String {
    match error {
        PackageError::TooLarge { size, limit } => say_in(
            lang,
            "audit-export-too-large",
            &[
                ("size", size),
                ("limit", limit),
                ("parts", &MAX_PARTS.to_string()),
            ],
        ),
        other => other.to_string(),
    }
}

/// Packs `data`, named `name` (e.g. `decisions.csv`), into files of at most `limit` bytes.
pub fn package(
    lang: Lang,
    data: Vec<u8>,
    name: &str,
    limit: usize,
) -> Result<Package, PackageError> {
    let limit = limit.max(1);
    if data.len() <= limit {
        return Ok(Package {
            files: vec![(name.to_string(), data)],
            note: None,
        });
    }
    let raw = data.len();
    let mut gz = GzEncoder::new(Vec::with_capacity(raw / 4), Compression::default());
    gz.write_all(&data)?;
    let compressed = gz.finish()?;
    let gz_name = format!("{name}.gz");
    if compressed.len() <= limit {
        let note = say_in(
            lang,
            "export-compressed",
            &[
                ("size", &human_size(lang, raw)),
                ("limit", &human_size(lang, limit)),
                ("compressed", &human_size(lang, compressed.len())),
                ("name", &gz_name),
            ],
        );
        return Ok(Package {
            files: vec![(gz_name, compressed)],
            note: Some(note),
        });
    }
    let parts = compressed.len().div_ceil(limit);
    if parts > MAX_PARTS {
        return Err(PackageError::TooLarge {
            size: human_size(lang, compressed.len()),
            limit: human_size(lang, limit),
        });
    }
    // Zero-padded numbers, so `part*` lists the parts in order.
    let width = parts.to_string().len();
    let files = compressed
        .chunks(limit)
        .enumerate()
        .map(|(i, chunk)| {
            let name = format!("{gz_name}.part{:0width$}of{parts}", i + 1);
            (name, chunk.to_vec())
        })
        .collect();
    let note = say_in(
        lang,
        "export-split",
        &[
            ("size", &human_size(lang, raw)),
            ("compressed", &human_size(lang, compressed.len())),
            ("limit", &human_size(lang, limit)),
            ("parts", &parts.to_string()),
            ("name", &gz_name),
        ],
    );
    Ok(Package {
        files,
        note: Some(note),
    })
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    /// Text that compresses about 2:1, like a CSV of varied rows.
    fn varied(len: usize) -> Vec<u8> {
        let mut state = 7u64;
        (0..len)
            .map(|i| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                if i % 2 == 0 {
                    b'a' + (state >> 60) as u8
                } else {
                    b','
                }
            })
            .collect()
    }

    #[test]
    fn a_small_export_is_attached_as_is() {
        let p = package(Lang::En, b"id\n1\n".to_vec(), "decisions.csv", 100).unwrap();
        assert_eq!(
            p.files,
            vec![("decisions.csv".to_string(), b"id\n1\n".to_vec())]
        );
        assert_eq!(p.note, None);
    }

    #[test]
    fn a_large_export_is_compressed_and_says_so() {
        let data = b"1,premature,we should fine-tune\n".repeat(1000);
        let p = package(Lang::En, data.clone(), "decisions.csv", 5_000).unwrap();
        assert_eq!(p.files.len(), 1);
        assert_eq!(p.files[0].0, "decisions.csv.gz");
        assert!(p.files[0].1.len() <= 5_000);
        assert_eq!(gunzip(&p.files[0].1), data);
        assert!(p.note.unwrap().contains("gzip"));
    }

    #[test]
    fn an_export_too_large_even_compressed_is_split_within_the_limit() {
        let data = varied(40_000);
        let p = package(Lang::En, data.clone(), "decisions.json", 4_000).unwrap();
        assert!(p.files.len() > 1, "{}", p.files.len());
        assert!(p.files.iter().all(|(_, b)| b.len() <= 4_000));
        let names: Vec<&str> = p.files.iter().map(|(n, _)| n.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "part names sort in order");
        let joined: Vec<u8> = p.files.iter().flat_map(|(_, b)| b.clone()).collect();
        assert_eq!(gunzip(&joined), data);
        assert!(p.note.unwrap().contains("cat decisions.json.gz.part*"));
        assert!(matches!(
            package(Lang::En, varied(400_000), "x.csv", 1_000),
            Err(PackageError::TooLarge { .. })
        ));
    }
}
