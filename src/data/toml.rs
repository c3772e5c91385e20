//! `_config.toml`, which Jekyll reads with the tomlrb gem.
//!
//! tomlrb turns every date and date-time into a Ruby `Time`: an offset date-time keeps its
//! offset, a local date-time or a bare date is read as UTC (a date at midnight). Local times
//! (`07:32:00`) are a parse error in tomlrb. Tables keep document order.
//! Known differences: tomlrb 1.3 also accepts duplicate keys (the last wins) and rejects
//! dotted keys and `0x`/`0o`/`0b` integers, while this parser follows TOML 1.0.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::value::{Hash, Value};
use crate::Error;

/// Parses TOML text into a hash, with tomlrb's value types.
pub fn load_toml(src: &str) -> Result<Value, Error> {
    let table: ::toml::Table = src.parse().map_err(|e: ::toml::de::Error| {
        let mut err = Error::new(e.message().to_string());
        if let Some(span) = e.span() {
            err.line = Some(src[..span.start.min(src.len())].matches('\n').count() + 1);
        }
        err
    })?;
    table_value(&table)
}

fn table_value(table: &::toml::Table) -> Result<Value, Error> {
    let mut hash = Hash::with_capacity(table.len());
    for (k, v) in table {
        hash.insert(k.clone(), toml_value(v)?);
    }
    Ok(Value::hash(hash))
}

fn toml_value(v: &::toml::Value) -> Result<Value, Error> {
    Ok(match v {
        ::toml::Value::String(s) => Value::str(s.as_str()),
        ::toml::Value::Integer(i) => Value::Int(*i),
        ::toml::Value::Float(f) => Value::Float(*f),
        ::toml::Value::Boolean(b) => Value::Bool(*b),
        ::toml::Value::Array(items) => {
            Value::array(items.iter().map(toml_value).collect::<Result<_, _>>()?)
        }
        ::toml::Value::Table(t) => table_value(t)?,
        ::toml::Value::Datetime(dt) => Value::Time(datetime(dt)?),
    })
}

fn datetime(dt: &::toml::value::Datetime) -> Result<crate::value::Time, Error> {
    let invalid = || Error::new(format!("invalid date-time: {dt}"));
    let date = dt
        .date
        .ok_or_else(|| Error::new(format!("parse error on value \"{dt}\" (local time)")))?;
    let day = NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
    .ok_or_else(invalid)?;
    let time = match dt.time {
        Some(t) => NaiveTime::from_hms_nano_opt(
            u32::from(t.hour),
            u32::from(t.minute),
            u32::from(t.second),
            t.nanosecond,
        )
        .ok_or_else(invalid)?,
        None => NaiveTime::MIN,
    };
    let offset_secs = match dt.offset {
        Some(::toml::value::Offset::Custom { minutes }) => i32::from(minutes) * 60,
        Some(::toml::value::Offset::Z) | None => 0,
    };
    let offset = FixedOffset::east_opt(offset_secs).ok_or_else(invalid)?;
    offset
        .from_local_datetime(&day.and_time(time))
        .single()
        .ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::load_toml;
    use crate::yaml::ruby_inspect;

    #[test]
    fn reads_like_tomlrb() {
        // ruby -rtomlrb -e 'p Tomlrb.parse("a = 1979-05-27\nc = 1979-05-27T07:32:00\ne = 1979-05-27T00:32:00+09:00\nf = 1e5\nj = 1_000\n[t]\nz = 1\n[[arr]]\nq = 1\n[[arr]]\nq = 2\n")'
        // => {"a"=>1979-05-27 00:00:00 +0000, "c"=>1979-05-27 07:32:00 +0000,
        //     "e"=>1979-05-27 00:32:00 +0900, "f"=>100000.0, "j"=>1000, "t"=>{"z"=>1}, "arr"=>[{"q"=>1}, {"q"=>2}]}
        let v = load_toml(
            "a = 1979-05-27\nc = 1979-05-27T07:32:00\ne = 1979-05-27T00:32:00+09:00\nf = 1e5\nj = 1_000\n[t]\nz = 1\n[[arr]]\nq = 1\n[[arr]]\nq = 2\n",
        )
        .unwrap();
        assert_eq!(
            ruby_inspect(&v),
            r#"{"a"=>1979-05-27 00:00:00 +0000, "c"=>1979-05-27 07:32:00 +0000, "e"=>1979-05-27 00:32:00 +0900, "f"=>100000.0, "j"=>1000, "t"=>{"z"=>1}, "arr"=>[{"q"=>1}, {"q"=>2}]}"#
        );
        assert!(load_toml("d = 07:32:00").is_err());
        let e = load_toml("a = 1\nb = [\n").unwrap_err();
        assert!(e.line.is_some());
    }
}
