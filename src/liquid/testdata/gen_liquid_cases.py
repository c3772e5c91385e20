import json
cases = []
def c(t, data=None, strict=False, templates=None):
    d = {"name": "x%d" % len(cases), "template": t, "data": data or {}, "tags": ["strict"] if strict else []}
    if templates: d["templates"] = templates
    cases.append(d)
D = {"h": {"a": 1, "b": [1, 2.5, None, "x"], "c": {"d": "e"}}, "arr": [3, 1, 2], "s": "hello world", "f": 2.0, "big": 1e20, "neg": -0.5,
     "posts": [{"title": "B", "n": 2, "tags": ["x"]}, {"title": "a", "n": None}, {"title": "C", "n": 1}], "empty": [], "nil": None, "str": "", "t": True}
for t in ["{{ h }}", "{{ h.b }}", "{{ arr }}", "{{ f }}", "{{ big }}", "{{ neg }}", "{{ 1.5 | times: 3 }}", "{{ 10 | divided_by: 3.0 }}", "{{ 7 | modulo: -3 }}",
          "{{ -7 | divided_by: 2 }}", "{{ 3.14159 | round: 2 }}", "{{ 1e3 }}", "{{ 0.1 | plus: 0.2 }}", "{{ 1.1 | times: 3 }}", "{{ '3.5' | plus: 1 }}", "{{ 'abc' | plus: 1 }}",
          "{{ h | size }}{{ s | size }}{{ arr.size }}{{ h.size }}{{ s.size }}{{ arr.first }}{{ arr.last }}{{ h.first }}",
          "{{ posts | map: 'title' | join: ',' }}", "{{ posts | sort: 'n' | map: 'title' | join }}", "{{ posts | sort_natural: 'title' | map: 'title' | join }}",
          "{{ posts | where: 'n' | map: 'title' }}", "{{ posts | where: 'n', 1 | map: 'title' }}", "{{ arr | sort | reverse | join: '-' }}",
          "{{ 'a,b,,c,,' | split: ',' | size }}", "{{ ' a  b ' | split: ' ' | join: '|' }}", "{{ 'abc' | split: '' | join: '|' }}",
          "{{ 'Hello World' | truncate: 5 }}|{{ 'Hello World' | truncate: 3, '' }}|{{ 'Hello' | truncate: 2, 'abcdef' }}", "{{ 'a b c d' | truncatewords: 2 }}|{{ 'a b' | truncatewords: 0, '!' }}",
          "{{ '<p>hi</p><script>x</script><!-- c -->' | strip_html }}", "{{ 'a&b<c' | escape }}{{ '&amp; &lt; &#39; & <' | escape_once }}", "{{ 'a b&c/é' | url_encode }}|{{ 'a+b%20c' | url_decode }}",
          "{{ 'hello' | slice: 1, 3 }}|{{ 'hello' | slice: -2 }}|{{ arr | slice: 1, 5 }}|{{ 'hello' | slice: 10 }}", "{{ 'aXbXc' | replace: 'X', '-' }}{{ 'aXbXc' | replace_first: 'X', '-' }}{{ 'aXbXc' | remove: 'X' }}",
          "{{ nil | default: 'd' }}{{ str | default: 'd' }}{{ empty | default: 'd' }}{{ false | default: 'd' }}{{ 0 | default: 'd' }}",
          "{{ 'now' | date: '%Y' | size }}", "{{ 0 | date: '%Y-%m-%d %H:%M:%S %z %a %A %b %B %j %e %-d %-m %I %l %p %P %y %C %s %%' }}", "{{ '2020-02-29T13:05:09+05:30' | date: '%c|%D|%F|%T|%R|%r|%v|%x|%X|%u|%w|%U|%W|%V|%G|%L|%N|%:z|%^b|%10A|%-H|%_m|%05d' }}",
          "{{ '2024-01-02' | date: '%s' }}", "{{ '1 Jan 2024 10:00' | date: '%H:%M %d' }}", "{{ 'Jan 5, 2024' | date: '%F' }}", "{{ 'garbage' | date: '%F' }}",
          "{% for i in (1..5) limit: 2 offset: 1 %}{{ i }}{% endfor %}", "{% for i in arr reversed %}{{ i }}{{ forloop.index }}{{ forloop.rindex0 }}{{ forloop.first }}{{ forloop.last }}{% endfor %}",
          "{% for x in h %}{{ x[0] }}={{ x[1] }};{% endfor %}", "{% for x in s %}{{ x }}{% endfor %}", "{% for x in nil %}a{% else %}b{% endfor %}",
          "{% for i in (1..3) %}{% for j in (1..2) %}{{ forloop.parentloop.index }}{{ j }}{% endfor %}{% endfor %}", "{% for i in (1..6) %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 5 %}{% break %}{% endif %}{{ i }}{% endfor %}",
          "{% for i in (1..10) limit: 3 %}{{ i }}{% endfor %}|{% for i in (1..10) offset: continue limit: 3 %}{{ i }}{% endfor %}", "{{ forloop }}{% for i in arr %}{{ forloop }}{% endfor %}",
          "{% tablerow i in arr cols: 2 %}{{ i }}{{ tablerowloop.col }}{% endtablerow %}", "{% tablerow i in (1..3) %}{{ i }}{% endtablerow %}",
          "{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}{% cycle 'g': 1, 2 %}{% cycle 'g': 3, 4 %}", "{% for i in arr %}{% cycle i, 'x' %}{% endfor %}",
          "{% increment c %}{% increment c %}{% decrement d %}{{ c }}{{ d }}", "{% assign c = 5 %}{% increment c %}{{ c }}",
          "{% capture x %}  a {{ 1 }} {% endcapture %}[{{ x }}]", "{% if s contains 'world' %}y{% endif %}{% if arr contains 2 %}y{% endif %}{% if h contains 'a' %}y{% endif %}{% if nil contains 'a' %}y{% endif %}",
          "{% if 1 < 'a' %}y{% endif %}", "{% if 'a' < 1 %}y{% endif %}", "{% if nil < 1 %}y{% else %}n{% endif %}", "{% if h == h %}y{% endif %}{% if arr == empty %}e{% endif %}{% if empty == arr %}e2{% endif %}{% if str == empty %}e3{% endif %}{% if nil == empty %}e4{% endif %}",
          "{% if t and nil or 1 %}y{% endif %}{% if nil or t and nil %}n{% else %}m{% endif %}", "{% unless t %}a{% elsif t %}b{% endunless %}", "{% case 2 %}{% when 1, 2 %}a{% when 2 or 3 %}b{% else %}c{% endcase %}",
          "{% case nil %}{% when empty %}a{% else %}b{% endcase %}", "{% case 'x' %}{% else %}e{% when 'x' %}w{% endcase %}",
          "a  {%- if true -%}  b  {%- endif -%}  c", "x\n  {% if true %}\n  \n{% endif %}\ny", "{% if true %} {% endif %}|{% if true %} x {% endif %}|{% for i in arr %} {% endfor %}|",
          "{% raw %}{{ x }}{% if %}{% endraw %}", "{% comment %} {{ x }} {% endcomment %}a", "{{ 'x' | nosuch }}{{ 'y' | upcase: 1 }}", "{{ 1 | divided_by: 0 }} after",
          "{% include 'p' %}", "{% include 'p' with arr %}", "{% include 'p' for arr %}", "{% include 'q' x: 1, y: 'z' %}{{ x }}", "{% include 'missing' %}", "{% include 'rec' %}",
          "{% assign v = h.b | first %}{{ v }}", "{% assign v = arr | join: ',' | split: ',' | map: 'x' %}{{ v }}", "{{ h['c'].d }}{{ h.c['d'] }}{{ arr[0] }}{{ arr[-1] }}{{ arr[9] }}",
          "{% assign k = 'a' %}{{ h[k] }}", "{{ (1..3) }}{{ (1..3) | join: ',' }}", "{% assign r = (2..4) %}{{ r.first }}{{ r.last }}{{ r.size }}", "{{ posts | first | map: 'title' }}",
          "{{ h | join }}", "{{ arr | concat: h.b | join: ',' }}", "{{ posts | uniq: 'n' | size }}", "{{ h.b | compact | size }}", "{{ 'A b' | capitalize }}{{ 'ÉCOLE' | downcase }}{{ 'straße' | upcase }}",
          "{{ 5 | at_least: 7.5 }}{{ 5.5 | at_most: 3 }}{{ -3 | abs }}{{ '-3.5' | abs }}{{ 4.5 | ceil }}{{ -4.5 | floor }}{{ 2.5 | round }}{{ 1234 | round: -2 }}",
          "{{ 'a\nb' | newline_to_br }}{{ 'a\r\nb\nc' | strip_newlines }}", "{{ '  x  ' | lstrip }}|{{ '  x  ' | rstrip }}|{{ '  x  ' | strip }}|",
          "{{ t }}{{ nil }}{{ false }}{{ empty }}{{ blank }}", "{{ arr | map: 'x' }}", "{{ 'x' | append: 1 | prepend: 2.0 }}", "{% assign x = 'a b' | split: ' ' %}{{ x | inspect }}",
          "{{ posts[0] }}", "{{ h.b | join: ', ' }}", "{{ h.c }}", "{{ 'é€' | size }}{{ 'é€' | slice: 1 }}{{ 'é€abc' | truncate: 4 }}",
          "{% if 2.0 == 2 %}y{% endif %}{% if '2' == 2 %}y2{% endif %}", "{{ 10000000000000000 | times: 10 }}", "{{ 9223372036854775807 | plus: 1 }}",
          "{% for i in (3..1) %}{{ i }}{% else %}none{% endfor %}", "{% for i in ('a'..'c') %}{{ i }}{% endfor %}", "{% assign n = 3 %}{% for i in (1..n) %}{{ i }}{% endfor %}",
          "{% for post in posts | limit: 2 %}{{ post.title }}{% endfor %}", "{% for post in posts limit:1 %}{{ post.title }}{% endfor %}",
          "{{ posts | where: 'title', 'a' | first | map: 'title' }}", "{% if posts[0].tags contains 'x' %}y{% endif %}", "{{ '' | split: ',' | size }}",
          "{{ s | replace: 'o', '\\\\0' }}", "{{ '%' | url_encode }}", "{{ 1 == 1 }}", "{{ h.a.b.c }}", "{{ s.first }}{{ s[0] }}", "{% assign a = 1 %}{% assign a = a | plus: 1 %}{{ a }}",
          "{%if t%}x{%endif%}", "{%- assign x = 1 -%}\n  {{- x -}}  \n", "{% ifchanged %}a{% endifchanged %}{% ifchanged %}a{% endifchanged %}{% for i in (1..3) %}{% ifchanged %}{{ i | divided_by: 2 }}{% endifchanged %}{% endfor %}",
          "{{ h | sort }}", "{{ arr | sort: 'x' }}", "{{ h.b | sort }}", "{{ posts | sort: 'title' | map: 'title' | join }}", "{{ nil | sort | size }}",
          ]:
    c(t, D, templates={"p": "[{{ p }}]", "q": "({{ x }}{{ y }}{% assign x = 9 %})", "rec": "r{% include 'rec' %}"})
# strict-mode & errors
for t in ["{{ a | b: }}", "{{ a b }}", "{% if a = b %}x{% endif %}", "{% for x y %}{% endfor %}", "{% if %}{% endif %}", "{{ x | f: a: 1, 2 }}", "{% for i in (1..3) foo: 1 %}{% endfor %}",
          "{% assign x = 1 | %}", "{{ 'a' | }}", "{{ }}", "{{ ! }}", "{% cycle %}", "{% tablerow %}{% endtablerow %}", "{% if 1 ==  %}{% endif %}"]:
    c(t, D, strict=True); c(t, D)
# syntax errors
for t in ["{% if true %}", "{% endif %}", "{% else %}", "{% for %}{% endfor %}", "{% if true %}{% endfor %}", "{{ x", "{% x", "{% raw %}", "{% case %}{% endcase %}", "{% case x %}{% when %}{% endcase %}",
          "a\nb\n{% nosuch %}", "{% if true %}\n{% else x %}\n{% endif %}", "{% for x in y %}{% else %}{% else %}{% endfor %}", "{% unless x %}{% endif %}", "{% capture %}{% endcapture %}", "{% assign %}",
          "{% comment %}{% if %}{% endcomment %}", "{% comment %}{% nosuch %}{% endcomment %}", "{% raw x %}{% endraw %}", "{% include %}", "{{ 'x' | f: 1 }}{% end %}"]:
    c(t, D)
json.dump({"tests": cases}, open("suite.json", "w"))
print(len(cases))
