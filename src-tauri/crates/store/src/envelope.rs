//! The versioned JSON envelope every value is stored in.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::StoreError;

/// Version of the record layout inside the envelope. Bumped with a
/// migration whenever a kind of record changes shape incompatibly.
pub const RECORD_VERSION: u32 = 1;

#[derive(Serialize)]
struct Out<'a, T> {
    v: u32,
    data: &'a T,
}

#[derive(Deserialize)]
struct In<T> {
    v: u32,
    data: T,
}

/// Serialises a record into its envelope.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(&Out {
        v: RECORD_VERSION,
        data: value,
    })
    .map_err(|e| StoreError::Record(e.to_string()))
}

/// Reads a record out of its envelope, refusing a version from the future.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    let env: In<T> = serde_json::from_slice(bytes).map_err(|e| StoreError::Record(e.to_string()))?;
    if env.v > RECORD_VERSION {
        return Err(StoreError::Record(format!(
            "record version {} is newer than {RECORD_VERSION}",
            env.v
        )));
    }
    Ok(env.data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_future_versions() {
        let bytes = encode(&vec![1, 2]).expect("encodes");
        assert_eq!(std::str::from_utf8(&bytes).expect("utf8"), r#"{"v":1,"data":[1,2]}"#);
        assert_eq!(decode::<Vec<i32>>(&bytes).expect("decodes"), vec![1, 2]);
        assert!(decode::<Vec<i32>>(br#"{"v":99,"data":[1]}"#).is_err());
        assert!(decode::<Vec<i32>>(b"garbage").is_err());
    }
}
