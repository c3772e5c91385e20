import json, random, sys
random.seed(int(sys.argv[1]))
atoms = ["posts", "arr", "h", "s", "nil", "'2016-03-04'", "1457000000", "'a-b c'", "words", "mixed", "empty_a", "n", "'x y'"]
filters = ["sort", "sort: 'n'", "sort: 'n', 'last'", "sort: 'title'", "where: 'cat', 'a'", "where: 'n', 2", "where: 'tags', 'x'", "where: 'cat', nil", "find: 'cat', 'b'",
  "where_exp: 'i', 'i.n > 1'", "where_exp: 'i', 'i == 1'", "find_exp: 'i', \"i.cat == 'a'\"", "group_by: 'cat'", "group_by: 'n'", "group_by_exp: 'i', 'i.title | size'",
  "pop", "pop: 2", "shift", "push: 'z'", "unshift: 0", "jsonify", "inspect", "slugify", "slugify: 'pretty'", "slugify: 'ascii'", "xml_escape", "cgi_escape", "uri_escape",
  "number_of_words", "array_to_sentence_string", "array_to_sentence_string: 'or'", "to_integer", "normalize_whitespace", "date_to_xmlschema", "date_to_rfc822", "date_to_string",
  "date_to_long_string: 'ordinal'", "date_to_string: 'ordinal', 'US'", "relative_url", "absolute_url", "strip_index", "size", "first", "map: 'title'", "join: ','", "uniq"]
D = {"posts": [{"title": "B", "n": "2", "tags": ["x","y"], "cat": "a"}, {"title": "a", "n": None, "cat": "b"}, {"title": "C", "n": 1, "cat": "a"}, {"title": "D d", "n": "10", "cat": None}],
     "arr": [3, 1, 2], "h": {"b": 1, "a": 2}, "s": "Héllo  World <&>", "words": ["a", "b", "c"], "mixed": [1, "a", None, 2.5], "empty_a": [], "n": 5}
cases=[]
for i in range(400):
    t = "{{ " + random.choice(atoms) + "".join(" | " + random.choice(filters) for _ in range(random.randint(1, 3))) + " }}"
    cases.append({"name": "h%d" % i, "template": t, "data": D, "tags": []})
json.dump({"tests": cases}, open("fuzz3.json", "w"))
