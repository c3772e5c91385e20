//! The Atom document every generated feed page renders: a Liquid template, so that every
//! lookup it makes (`post.author`, `site.data.authors[...]`, excerpts, `where` on
//! categories) follows the same Liquid rules as the rest of the site.
//!
//! jekyll-feed 0.17 writes its Atom document on one line: every run of whitespace after a
//! `>` or a closing `}` is dropped. The Rust line continuations below (`\` at the end of a
//! line skips the newline and the next line's indentation) give that single line while the
//! source stays readable. A space written before a `\` is output (`<feed ... >` keeps the
//! space before its conditional `xml:lang`, as jekyll-feed does).

/// Page data the generator sets, read here: `page.collection` (whose documents),
/// `page.category` (filter on one category), `page.tags` (a tag's posts instead),
/// `page.xsl` (a `feed.xslt.xml` in the source).
pub const FEED: &str = "\
<?xml version=\"1.0\" encoding=\"utf-8\"?>\
{% if page.xsl %}\
<?xml-stylesheet type=\"text/xml\" href=\"{{ '/feed.xslt.xml' | absolute_url }}\"?>\
{% endif %}\
<feed xmlns=\"http://www.w3.org/2005/Atom\" \
{% if site.lang %}xml:lang=\"{{ site.lang }}\"{% endif %}>\
<generator uri=\"https://jekyllrb.com/\" version=\"{{ jekyll.version }}\">Jekyll</generator>\
<link href=\"{{ page.url | absolute_url }}\" rel=\"self\" type=\"application/atom+xml\" />\
<link href=\"{{ '/' | absolute_url }}\" rel=\"alternate\" type=\"text/html\" \
{% if site.lang %}hreflang=\"{{ site.lang }}\" {% endif %}/>\
<updated>{{ site.time | date_to_xmlschema }}</updated>\
<id>{{ page.url | absolute_url | xml_escape }}</id>\
{% assign feed_title = site.title | default: site.name %}\
{% if page.collection != 'posts' %}\
{% assign label = page.collection | capitalize %}\
{% assign feed_title = feed_title | append: ' | ' | append: label %}\
{% endif %}\
{% if page.category %}\
{% assign label = page.category | capitalize %}\
{% assign feed_title = feed_title | append: ' | ' | append: label %}\
{% endif %}\
{% if feed_title %}<title type=\"html\">{{ feed_title | smartify | xml_escape }}</title>{% endif %}\
{% if site.description %}<subtitle>{{ site.description | xml_escape }}</subtitle>{% endif %}\
{% if site.author %}\
<author>\
<name>{{ site.author.name | default: site.author | xml_escape }}</name>\
{% if site.author.email %}<email>{{ site.author.email | xml_escape }}</email>{% endif %}\
{% if site.author.uri %}<uri>{{ site.author.uri | xml_escape }}</uri>{% endif %}\
</author>\
{% endif %}\
{% if page.tags %}{% assign entries = site.tags[page.tags] %}\
{% else %}{% assign entries = site[page.collection] %}{% endif %}\
{% if page.category %}{% assign entries = entries | where: 'categories', page.category %}{% endif %}\
{% unless site.show_drafts %}\
{% assign entries = entries | where_exp: 'entry', 'entry.draft != true' %}\
{% endunless %}\
{% assign entries = entries | sort: 'date' | reverse %}\
{% assign entry_count = site.feed.posts_limit | default: 10 %}\
{% for entry in entries limit: entry_count %}\
<entry{% if entry.lang %} xml:lang=\"{{ entry.lang }}\"{% endif %}>\
{% assign entry_title = entry.title | smartify | strip_html | normalize_whitespace | xml_escape %}\
<title type=\"html\">{{ entry_title }}</title>\
<link href=\"{{ entry.url | absolute_url }}\" rel=\"alternate\" type=\"text/html\" title=\"{{ entry_title }}\" />\
<published>{{ entry.date | date_to_xmlschema }}</published>\
<updated>{{ entry.last_modified_at | default: entry.date | date_to_xmlschema }}</updated>\
<id>{{ entry.id | absolute_url | xml_escape }}</id>\
{% assign summary_only = entry.feed.excerpt_only | default: site.feed.excerpt_only %}\
{% unless summary_only %}\
<content type=\"html\" xml:base=\"{{ entry.url | absolute_url | xml_escape }}\">\
<![CDATA[{{ entry.content | strip }}]]></content>\
{% endunless %}\
{% assign who = entry.author | default: entry.authors[0] | default: site.author %}\
{% assign who = site.data.authors[who] | default: who %}\
{% assign who_email = who.email | default: nil %}\
{% assign who_uri = who.uri | default: nil %}\
{% assign who_name = who.name | default: who %}\
<author>\
<name>{{ who_name | default: '' | xml_escape }}</name>\
{% if who_email %}<email>{{ who_email | xml_escape }}</email>{% endif %}\
{% if who_uri %}<uri>{{ who_uri | xml_escape }}</uri>{% endif %}\
</author>\
{% if entry.category %}<category term=\"{{ entry.category | xml_escape }}\" />\
{% elsif entry.categories %}\
{% for term in entry.categories %}<category term=\"{{ term | xml_escape }}\" />{% endfor %}\
{% endif %}\
{% for term in entry.tags %}<category term=\"{{ term | xml_escape }}\" />{% endfor %}\
{% assign summary = entry.description | default: entry.excerpt %}\
{% if summary and summary != empty %}\
<summary type=\"html\"><![CDATA[{{ summary | strip_html | normalize_whitespace }}]]></summary>\
{% endif %}\
{% assign picture = entry.image.path | default: entry.image %}\
{% if picture %}\
{% unless picture contains '://' %}{% assign picture = picture | absolute_url %}{% endunless %}\
<media:thumbnail xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"{{ picture | xml_escape }}\" />\
<media:content medium=\"image\" url=\"{{ picture | xml_escape }}\" xmlns:media=\"http://search.yahoo.com/mrss/\" />\
{% endif %}\
</entry>\
{% endfor %}\
</feed>";
