//! The learned part of the detector: a logistic-regression model over [`super::features`].
//!
//! The weights live in a small binary file (`assets/detect-model.bin`) that is embedded in the
//! binary; nothing is downloaded. Layout, little-endian: the magic `TGDM`, a format version
//! (u32), the number of hash bits (u32), the bias (f32), then `2^bits` weights (f32). The model
//! id shown by `tunegate --version` and `detect --format json` is the start of the file's SHA-256.

use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use super::features::{BITS, DIM, Features};

/// The model shipped with this build.
pub(crate) static EMBEDDED: &[u8] = include_bytes!("../../assets/detect-model.bin");

const MAGIC: &[u8; 4] = b"TGDM";
const VERSION: u32 = 1;
const HEADER: usize = 16;

/// Why model bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("not a detector model file (bad magic or too short)")]
    NotAModel,
    #[error("detector model format version {0} is not supported (expected {VERSION})")]
    Version(u32),
    #[error("detector model has {0} hash bits; this build uses {BITS}")]
    Bits(u32),
    #[error("detector model is {0} bytes; expected {1}")]
    Length(usize, usize),
}

/// A linear model: a bias and one weight per hashed slot.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    pub(crate) bias: f32,
    pub(crate) weights: Vec<f32>,
}

impl LinearModel {
    /// A model that scores everything 0.5 (used to start training).
    pub(crate) fn zeros() -> LinearModel {
        LinearModel {
            bias: 0.0,
            weights: vec![0.0; DIM],
        }
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<LinearModel, ModelError> {
        let word = |at: usize| -> Option<[u8; 4]> { bytes.get(at..at + 4)?.try_into().ok() };
        if bytes.len() < HEADER || bytes.get(..4) != Some(MAGIC.as_slice()) {
            return Err(ModelError::NotAModel);
        }
        let (Some(version), Some(bits), Some(bias)) = (word(4), word(8), word(12)) else {
            return Err(ModelError::NotAModel);
        };
        let version = u32::from_le_bytes(version);
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let bits = u32::from_le_bytes(bits);
        if bits != BITS {
            return Err(ModelError::Bits(bits));
        }
        let expected = HEADER + DIM * 4;
        if bytes.len() != expected {
            return Err(ModelError::Length(bytes.len(), expected));
        }
        let weights = bytes[HEADER..]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(LinearModel {
            bias: f32::from_le_bytes(bias),
            weights,
        })
    }

    /// Writes the model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.weights.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&BITS.to_le_bytes());
        out.extend_from_slice(&self.bias.to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// The raw score (log-odds) of a message.
    pub(crate) fn margin(&self, features: &Features) -> f32 {
        let mut z = self.bias;
        for &(slot, value) in &features.pairs {
            // Slots are below DIM by construction (`features::slot` masks them).
            z += self.weights.get(slot as usize).copied().unwrap_or(0.0) * value;
        }
        z
    }

    /// The probability that the message is a proposal, in 0..1.
    pub fn score(&self, features: &Features) -> f32 {
        sigmoid(self.margin(features))
    }
}

pub(crate) fn sigmoid(z: f32) -> f32 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// A short id of model bytes: the first 12 hex digits of their SHA-256.
pub fn model_id_of(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// The id of the embedded model.
pub fn embedded_model_id() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| model_id_of(EMBEDDED))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_reads() {
        assert!(LinearModel::from_bytes(EMBEDDED).is_ok());
    }

    #[test]
    fn bytes_round_trip() {
        let mut m = LinearModel::zeros();
        m.bias = -0.25;
        m.weights[7] = 1.5;
        assert_eq!(LinearModel::from_bytes(&m.to_bytes()), Ok(m));
    }

    #[test]
    fn hostile_bytes_are_refused_not_panicked_on() {
        assert_eq!(LinearModel::from_bytes(b""), Err(ModelError::NotAModel));
        assert_eq!(LinearModel::from_bytes(b"TGDM"), Err(ModelError::NotAModel));
        let mut bytes = LinearModel::zeros().to_bytes();
        bytes.truncate(100);
        assert!(matches!(
            LinearModel::from_bytes(&bytes),
            Err(ModelError::Length(100, _))
        ));
        let mut bytes = LinearModel::zeros().to_bytes();
        bytes[4] = 9;
        assert_eq!(LinearModel::from_bytes(&bytes), Err(ModelError::Version(9)));
    }

    #[test]
    fn sigmoid_stays_in_range_at_extremes() {
        assert!(sigmoid(1e9) <= 1.0 && sigmoid(-1e9) >= 0.0);
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-6);
    }

    #[test]
    fn the_model_id_is_twelve_hex_digits() {
        let id = embedded_model_id();
        assert_eq!(id.len(), 12);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    }
}
