//! Tests: expected CSS comes from real Jekyll 4.3.1 + jekyll-sass-converter 2.2 output.
