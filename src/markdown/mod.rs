//! Markdown exactly as kramdown 2.4 (+ GFM parser 1.1) renders it under Jekyll.
