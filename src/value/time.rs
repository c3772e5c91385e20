//! Ruby `Time` and `Date` values.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// A Ruby `Time`: an instant with the UTC offset it is displayed in.
pub type Time = DateTime<FixedOffset>;

/// A Ruby `Date`: a calendar day with no time of day.
pub type Date = NaiveDate;
