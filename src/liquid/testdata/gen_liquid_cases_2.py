import json
cases=[]
D={"page":{"title":"T \"q\" <b>","n":3,"x":"a","y":None,"tags":["t1","t2"],"list":[{"k":"v","i":1},{"k":"w","i":2}]},"site":{"posts":[{"title":"p1","date":"2024-01-02"},{"title":"p2"}],"data":{"m":{"a":{"b":"deep"}}}}}
def c(t, strict=False):
    cases.append({"name":"m%d"%len(cases),"template":t,"data":D,"tags":["strict"] if strict else []})
for t in ["{% if page.x == \"a\" or page.y %}y{% endif %}", "{% for i in (1..page.n) %}{{i}}{% endfor %}", "{{ page.title | escape }}", "{% if page.n==3 %}y{% endif %}",
          "{%if page.n%}y{%endif%}", "{{ \"a\" | append: 'b' }}", "{{ page.title\n | upcase\n }}", "{% assign x = page.list | where: \"k\", \"w\" | first %}{{ x.i }}",
          "{% if page.tags contains \"t2\" and page.n > 2 %}y{% endif %}", "{{ site.data.m.a.b }}{{ site.data['m']['a'].b }}", "{% assign k = 'm' %}{{ site.data[k].a.b }}",
          "{% for p in site.posts %}{{ p.title }}{% unless forloop.last %}, {% endunless %}{% endfor %}", "{{ page.title | split: ' ' | first }}",
          "line1\n{{ 1 | divided_by: 0 }}\nline3\n{% if 1 < 'a' %}{% endif %}", "a\n\n{% for x in y %}\n{% nosuch %}\n{% endfor %}", "a\n{% if x %}\nb\n", "{% comment %}\n{% if x\n{% endcomment %}",
          "{{ page.n | plus: 1 | times: 2 | minus: 1 | divided_by: 2.0 | round: 1 }}", "{{ page.title | truncatewords: 1, '' }}", "{{ page.list | map: 'k' | jsonify }}", 
          "{% assign a = 'x' %}{% capture b %}{{ a }}{{ a }}{% endcapture %}{{ b | size }}", "{% case page.x %}{% when 'a' %}A{% when 'b' %}B{% endcase %}",
          "{%- for t in page.tags -%}\n  {{ t }}\n{%- endfor -%}", "{% for t in page.tags %}{{ t }}{% break %}{% endfor %}", "{{ page.list[1].k }}{{ page.list.first.k }}{{ page.list.last.i }}",
          "{{ page | size }}", "{{ page.tags | size }}{{ page.tags.size }}", "{{ 'x' | default: page.nothing | default: 'z' }}", "{% if page.nothing == nil %}nil{% endif %}{% if page.nothing == empty %}e{% endif %}",
          "{% if page.tags != empty %}ne{% endif %}", "{% if page.title %}t{% endif %}{% if page.y %}y{% else %}no{% endif %}", "{{ 'a' | prepend: page.nothing }}",
          "{% for p in site.posts reversed limit:1 %}{{ p.title }}{% endfor %}", "{% for p in site.posts offset:1 %}{{ p.title }}{% endfor %}",
          "{% assign sorted = site.posts | sort: 'title' | reverse %}{{ sorted | map: 'title' | join: '' }}", "{% assign w = site.posts | where: 'title', 'p2' %}{{ w.size }}",
          "{{ site.posts | map: 'date' | compact | first | date: '%Y' }}", "{% tablerow p in site.posts cols:1 limit:1 %}{{ p.title }}{% endtablerow %}",
          "{{ 'a-b_c d' | replace: '-', ' ' | capitalize }}", "{{ page.title | slice: 0, 3 }}", "{{ '%' | append: '%' }}", "{% if true %}{% if true %}{% if true %}deep{% endif %}{% endif %}{% endif %}",
          "{{ 1.0 | divided_by: 3 }}{{ 2 | divided_by: 4.0 }}{{ 10 | modulo: 3.5 }}{{ -0.0 }}{{ 0.1 | times: 3 }}{{ 1e-5 | plus: 0 }}", "{{ 3 | minus: 0.1 }}{{ 100 | times: 1.1 }}",
          "{{ 'abc' | slice: -5, 3 }}|{{ 'abc' | slice: 1, -1 }}|{{ 'abc' | slice: 3 }}|{{ 'abc' | slice: 'x' }}", "{{ page.list | sort: 'k' | map: 'i' | join }}",
          "{% for x in page.list %}{% for y in page.tags %}{{ forloop.parentloop.index }}-{{ forloop.index }} {% endfor %}{% endfor %}", "{{ page.list | where: 'i', 2 | map: 'k' }}",
          "{{ page.list | where: 'i', '2' | map: 'k' }}", "{% assign n = '3' %}{% if page.n == n %}eq{% else %}ne{% endif %}", "{{ nil | append: 'x' }}{{ nil | size }}{{ nil | upcase }}|",
          "{% if page.list.size > 1 %}big{% endif %}", "{{ page.list | first | map: 'k' }}", "{{ \"it's\" }}{{ 'say \"hi\"' }}", "{{ page.title | remove: '\"' }}",
          "{% cycle 'a','b' %}{% cycle 'a', 'b' %}{% cycle 'a','b' %}", "{% cycle x: 'a', 'b' %}{% cycle y: 'a', 'b' %}{% cycle x: 'a', 'b' %}",
          "{% for i in (1..3) %}{% cycle 'q': 1, 2 %}{% endfor %}", "{{ (1..4) | reverse | join }}", "{{ (1..4) | map: 'x' | size }}", "{{ (1..4) | sort | last }}",
          "{{ 'Hello' | url_encode | url_decode }}", "{{ 'a%zz' | url_decode }}", "{{ 'a\tb\nc' | split: ' ' | size }}", "{{ '  ' | strip | size }}",
          "{{ 'x' | json }}", "{{ page.n | at_least: '5' }}{{ page.n | at_most: '1.5' }}", "{{ true | plus: 1 }}", "{{ page.tags | concat: page.list | size }}",
          "{% assign e = '' | split: '' %}{{ e.size }}{{ e | first }}", "{{ 1 | default: 2, true }}", "{{ page.list | uniq | size }}", "{{ 'aaa' | replace_first: 'a', 'b' | remove_first: 'a' }}",
          "{{ page.title | escape_once }}", "{{ page.title | strip_html }}", "{{ '<a href=\"x\">l</a>' | strip_html }}", "{{ 'a\nb' | newline_to_br | strip_newlines }}",
          "{% if 'abc' contains 'b' %}y{% endif %}{% if page.n contains 3 %}n{% endif %}{% if page.list contains page.list[0] %}h{% endif %}",
          "{% unless page.y %}u{% else %}e{% endunless %}", "{% if page.n > 1 and page.n < 5 or false %}r{% endif %}", "{% if false or false or true %}o{% endif %}",
          "{% if a and b or c and d %}x{% else %}y{% endif %}", "{% if page.n == 3 and page.x == 'b' or page.title %}z{% endif %}",
          "{{ page.title | size | plus: 1 }}", "{{ page.nothing.deep.er | default: 'd' }}", "{% assign x = page.tags | join: '' %}{{ x }}",
          "{{ '2024-05-06T07:08:09Z' | date: '%H %Z %z' }}", "{{ '2024-05-06' | date: '%A %-d %B' }}", "{{ 'May 6 2024 3:04 PM' | date: '%F %T' }}", "{{ '06/05/2024' | date: '%F' }}",
          "{{ '1715000000' | date: '%F %T' }}", "{{ 1715000000.5 | date: '%F' }}", "{{ 'today' | date: '%Y' | size }}", "{{ '2024-13-45' | date: '%F' }}", "{{ '2024-02-30' | date: '%F' }}",
          "{{ 'Mon, 06 May 2024 07:08:09 +0200' | date: '%s' }}", "{{ '2024-05-06 07:08' | date: '%I:%M %p %j' }}", "{{ '20240506' | date: '%F' }}", "{{ '2024-05-06T07:08:09.123+01:00' | date: '%L %N %3N' }}"]:
    c(t)
for t in ["{% if page.n == 3 %}a{% elsif page.n %}b{% endif %}", "{{ page.title | upcase }}", "{% for i in page.tags limit: 1 %}{{ i }}{% endfor %}", "{{ page.list[0]['k'] }}",
          "{% if page.x == 'a' and page.n > 1 %}y{% endif %}", "{{ page.n | plus: 1, 2 }}", "{{ page.n || 1 }}", "{% for i in (1..3) reversed %}{{ i }}{% endfor %}", "{{ -1 | abs }}", "{{ 'a' | append 'b' }}"]:
    c(t, True)
json.dump({"tests": cases}, open("suite2.json", "w"))
print(len(cases))
