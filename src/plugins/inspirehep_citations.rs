//! al-folio's `_plugins/inspirehep-citations.rb`: `{% inspirehep_citations RECID %}` prints
//! a record's citation count from the INSPIRE-HEP API in ActiveSupport's human form
//! (`1.2K`), or `N/A` when it cannot be had. Counts are remembered per record for the life
//! of the process, as the Ruby tag does. The request goes through [`crate::net`].

use crate::liquid::{Context, Engine, Expr, LResult, Tag};
use once_cell::sync::Lazy;
use std::collections::HashMap;
use std::sync::Mutex;

pub struct InspireHepCitations;

impl crate::plugins::Plugin for InspireHepCitations {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_tag("inspirehep_citations", |_, markup, _| {
            Ok(Box::new(InspireTag {
                recid: Expr::parse(markup.trim()),
            }) as Box<dyn Tag>)
        });
    }
}

static COUNTS: Lazy<Mutex<HashMap<String, String>>> = Lazy::new(Default::default);

struct InspireTag {
    recid: Expr,
}

impl Tag for InspireTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let recid = crate::value::to_s(&ctx.evaluate(&self.recid)?);
        if let Some(c) = COUNTS.lock().unwrap_or_else(|e| e.into_inner()).get(&recid) {
            out.push_str(c);
            return Ok(());
        }
        let url =
            format!("https://inspirehep.net/api/literature/?fields=citation_count&q=recid:{recid}");
        let count = match crate::site::liquid_setup::site_of(ctx) {
            Some(site) => crate::net::Http::for_site(site)
                .get(&url, &[])
                .map_err(|e| e.to_string())
                .and_then(|f| citation_count(&f.text())),
            None => Err("no site".into()),
        };
        let count = match count {
            Ok(n) => crate::utils::active_support::number_to_human_k(n),
            Err(message) => {
                println!("Error fetching citation count for {recid}: {message}");
                "N/A".into()
            }
        };
        COUNTS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(recid, count.clone());
        out.push_str(&count);
        Ok(())
    }
}

/// `data["hits"]["hits"][0]["metadata"]["citation_count"].to_i`.
fn citation_count(json: &str) -> Result<i64, String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let c = v
        .pointer("/hits/hits/0/metadata/citation_count")
        .ok_or("undefined method `[]' for nil:NilClass")?;
    Ok(match c {
        serde_json::Value::Number(n) => n
            .as_i64()
            .unwrap_or_else(|| n.as_f64().unwrap_or(0.0) as i64),
        serde_json::Value::String(s) => {
            let lead: String = s
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            lead.parse().unwrap_or(0)
        }
        _ => 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_api_response() {
        assert_eq!(
            citation_count(r#"{"hits":{"hits":[{"metadata":{"citation_count":1234}}],"total":1}}"#),
            Ok(1234)
        );
        assert!(citation_count(r#"{"hits":{"hits":[],"total":0}}"#).is_err());
        assert!(citation_count("<html>oops</html>").is_err());
    }
}
