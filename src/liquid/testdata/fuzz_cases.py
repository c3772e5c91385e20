import json, random, sys
random.seed(int(sys.argv[1]) if len(sys.argv)>1 else 1)
atoms = ["x", "y", "h.a", "h['a']", "arr[0]", "arr.size", "'s'", '"d q"', "1", "-2", "3.5", "nil", "true", "empty", "blank", "(1..3)", "(x..4)", "h", "arr", "s", "'a,b'", "h.b.c", "arr.first", "arr.last", "n"]
filters = ["upcase", "downcase", "size", "join: ','", "split: ','", "plus: 1", "minus: x", "times: 2.0", "divided_by: 2", "modulo: 2", "append: 'z'", "prepend: y", "default: 'dft'",
           "first", "last", "sort", "reverse", "map: 'a'", "where: 'a', 1", "truncate: 3", "truncatewords: 1", "slice: 1", "slice: 0, 2", "replace: 'a', 'b'", "remove: 'a'",
           "strip", "escape", "url_encode", "round: 1", "ceil", "floor", "abs", "at_least: 2", "at_most: 2", "compact", "uniq", "concat: arr", "date: '%Y'", "capitalize", "newline_to_br", "strip_html", "escape_once", "sort_natural", "nosuch", "split: ''"]
ops = ["==", "!=", "<", ">", "<=", ">=", "contains", "<>", "=<"]
ws = ["", " ", "  ", "\n", "\t"]
def w(): return random.choice(ws)
def expr():
    e = random.choice(atoms)
    for _ in range(random.randint(0, 2)):
        e += w() + "|" + w() + random.choice(filters)
    return e
def cond():
    c = random.choice(atoms)
    if random.random() < 0.6: c += " " + random.choice(ops) + " " + random.choice(atoms)
    if random.random() < 0.3: c += random.choice([" and ", " or "]) + cond()
    return c
def dash(): return random.choice(["", "", "-"])
def node(depth=0):
    r = random.random()
    if depth > 3 or r < 0.25: return random.choice(["a", " b ", "\n", "  ", "c\n d"])
    if r < 0.5: return "{{" + dash() + w() + expr() + w() + dash() + "}}"
    k = random.choice(["if", "unless", "for", "assign", "capture", "case", "cycle", "increment", "tablerow", "raw", "comment", "ifchanged"])
    body = "".join(node(depth+1) for _ in range(random.randint(0, 3)))
    o, c = "{%" + dash() + w(), w() + dash() + "%}"
    if k in ("if", "unless"):
        mid = ""
        if random.random() < 0.4: mid = o + "elsif " + cond() + c + node(depth+1)
        if random.random() < 0.4: mid += o + "else" + c + node(depth+1)
        return o + k + " " + cond() + c + body + mid + o + "end" + k + c
    if k == "for":
        extra = random.choice(["", " reversed", " limit: 2", " offset: 1", " limit:1 offset:continue", " reversed limit: n"])
        return o + "for i in " + random.choice(["arr", "(1..3)", "h", "s", "x", "(1..n)"]) + extra + c + body + random.choice(["", o + "else" + c + "E"]) + random.choice(["", o+"break"+c, o+"continue"+c]) + o + "endfor" + c
    if k == "assign": return o + "assign " + random.choice(["x", "y", "z", "h"]) + w() + "=" + w() + expr() + c
    if k == "capture": return o + "capture " + random.choice(["x", "z"]) + c + body + o + "endcapture" + c
    if k == "case": return o + "case " + random.choice(atoms) + c + body + o + "when " + random.choice(atoms) + random.choice(["", ", 1", " or 's'"]) + c + node(depth+1) + random.choice(["", o+"else"+c+"EL"]) + o + "endcase" + c
    if k == "cycle": return o + "cycle " + random.choice(["'a', 'b'", "x, y", "'g': 1, 2", "1,2,3"]) + c
    if k == "increment": return o + random.choice(["increment", "decrement"]) + " " + random.choice(["n", "cnt"]) + c
    if k == "tablerow": return o + "tablerow i in " + random.choice(["arr", "(1..4)"]) + random.choice(["", " cols: 2", " limit: 2"]) + c + body + o + "endtablerow" + c
    if k == "raw": return o + "raw" + c + body + "{% endraw %}"
    if k == "comment": return o + "comment" + c + body + o + "endcomment" + c
    return o + "ifchanged" + c + body + o + "endifchanged" + c
D = {"x": "ab", "y": 3, "h": {"a": 1, "b": {"c": [1, 2]}}, "arr": [3, "a", None, 1.5], "s": "a,b", "n": 2}
cases = []
for i in range(400):
    t = "".join(node() for _ in range(random.randint(1, 4)))
    cases.append({"name": "f%d" % i, "template": t, "data": D, "tags": ["strict"] if random.random() < 0.15 else []})
json.dump({"tests": cases}, open("fuzz.json", "w"))
