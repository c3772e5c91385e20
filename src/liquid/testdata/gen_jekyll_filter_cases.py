import json
cases=[]
def c(t, data):
    cases.append({"name":"j%d"%len(cases),"template":t,"data":data,"tags":[]})
D = {"posts": [{"title": "B", "n": "2", "tags": ["x","y"], "cat": "a", "d": {"x": 3}}, {"title": "a", "n": None, "cat": "b"}, {"title": "C", "n": 1, "cat": "a", "d": {"x": 1}}, {"title": "D", "n": "10", "cat": ""}],
     "arr": [3, 1, 2], "h": {"b": 1, "a": 2}, "s": "Hello World", "words": ["a", "b", "c"]}
for t in ["{{ posts | sort: 'n' | map: 'title' | join }}", "{{ posts | sort: 'n', 'last' | map: 'title' | join }}", "{{ posts | sort: 'title' | map: 'title' | join }}", "{{ arr | sort | join }}",
          "{{ posts | sort: 'd.x' | map: 'title' | join }}", "{{ nil | sort }}", "{{ posts | sort: 'n', 'x' }}", "{{ h | sort }}",
          "{{ posts | where: 'cat', 'a' | map: 'title' | join }}", "{{ posts | where: 'n', 2 | map: 'title' | join }}", "{{ posts | where: 'tags', 'y' | map: 'title' | join }}",
          "{{ posts | where: 'n', nil | map: 'title' | join }}", "{{ posts | where: 'cat', empty | map: 'title' | join }}", "{{ posts | where: 'd.x', 3 | map: 'title' | join }}",
          "{{ posts | find: 'cat', 'a' | map: 'title' }}", "{{ posts | find: 'cat', 'zz' }}", "{{ posts | where_exp: 'p', 'p.n > 1' | map: 'title' | join }}",
          "{{ posts | where_exp: 'p', \"p.cat == 'a' and p.title contains 'C'\" | map: 'title' | join }}", "{{ posts | find_exp: 'p', 'p.n == nil' | map: 'title' }}",
          "{{ posts | group_by: 'cat' | jsonify }}", "{{ posts | group_by_exp: 'p', 'p.title | downcase' | map: 'name' | join: ',' }}", "{{ posts | group_by: 'n' | map: 'name' | jsonify }}",
          "{{ arr | pop | join }}{{ arr | pop: 2 | join }}{{ arr | shift | join }}{{ arr | push: 9 | join }}{{ arr | unshift: 0 | join }}{{ s | pop }}",
          "{{ words | array_to_sentence_string }}|{{ words | array_to_sentence_string: 'or' }}|{{ 'a' | split: ',' | array_to_sentence_string }}",
          "{{ posts | jsonify }}", "{{ h | inspect }}", "{{ posts[0] | inspect }}", "{{ s | slugify }}|{{ s | slugify: 'pretty' }}", "{{ s | number_of_words }}",
          "{{ '/about/' | relative_url }}|{{ 'about' | absolute_url }}|{{ 'http://x.com/a' | relative_url }}|{{ '' | relative_url }}|{{ nil | relative_url }}|{{ '/a b/é' | absolute_url }}",
          "{{ '/x/index.html' | strip_index }}", "{{ '2016-03-04' | date_to_xmlschema }}|{{ '2016-03-04 05:06:07 +0100' | date_to_rfc822 }}|{{ '' | date_to_string }}",
          "{{ 'x' | date_to_string }}", "{{ 5 | to_integer }}{{ '5.5' | to_integer }}{{ false | to_integer }}{{ nil | to_integer }}", "{{ s | xml_escape }}{{ '<&>' | xml_escape }}",
          "{{ 'a b' | cgi_escape }}|{{ 'a b<>' | uri_escape }}|{{ '  a \n b ' | normalize_whitespace }}", "{{ arr | sample | size }}", "{{ 1.5 | jsonify }}{{ 'x' | jsonify }}{{ nil | jsonify }}",
          "{{ posts | map: 'tags' | jsonify }}", "{{ s | inspect }}", "{{ 'ab' | inspect }}{{ 1 | inspect }}{{ nil | inspect }}", "{{ posts | where: 'n', '2' | size }}",
          "{{ posts | group_by: 'd.x' | map: 'size' | join }}", "{{ arr | where_exp: 'i', 'i > 1' | join }}", "{{ h | where_exp: 'v', 'v > 1' | join }}"]:
    c(t, D)
json.dump({"tests": cases}, open("jsuite.json", "w"))
