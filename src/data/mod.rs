//! `_data` file formats as Jekyll reads them: YAML, JSON, CSV, TSV.
