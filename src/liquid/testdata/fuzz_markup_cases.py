import json, random, sys
random.seed(int(sys.argv[1]))
# token soup for lax parsing: odd markup inside {{ }} and tags
pieces = ["x", "h", "h.a", "arr", "'q'", '"d"', "'un", '"un', "|", "||", ":", ",", " ", "  ", "\n", "upcase", "append", "plus", "1", "2.5", "-", "(", ")", "[", "]", ".", "..", "=", "==", "<", "and", "or", "contains", "nil", "empty", "a:", "b: 1", "{", "}", "%", "#", "!", "?", "@", "size", "first", "join", "split", "default", "'a b'"]
def soup(n): return "".join(random.choice(pieces) for _ in range(n))
tags = ["if", "unless", "for", "assign", "capture", "case", "cycle", "tablerow", "include", "increment", "raw", "comment", "when", "else", "elsif", "endif", "endfor", "break", "nosuch", "echo", "liquid", "render"]
cases=[]
D = {"x": "ab", "h": {"a": 1}, "arr": [1, 2], "n": 2}
for i in range(500):
    parts=[]
    for _ in range(random.randint(1,3)):
        r=random.random()
        if r<0.45: parts.append("{{" + random.choice(["", "-"]) + soup(random.randint(0,6)) + random.choice(["", "-"]) + "}}")
        elif r<0.85:
            t=random.choice(tags)
            body="{%"+random.choice(["","-"])+" "+t+" "+soup(random.randint(0,6))+" "+random.choice(["","-"])+"%}"
            if t in ("if","unless","for","capture","case","tablerow","raw","comment") and random.random()<0.8:
                body += soup(random.randint(0,3)) + "{% end" + t + " %}"
            parts.append(body)
        else: parts.append(random.choice(["{{", "}}", "{%", "%}", "{{ x }", "{% if x }", "text", "\n"]))
    cases.append({"name":"g%d"%i,"template":"".join(parts),"data":D,"tags":["strict"] if random.random()<0.2 else [], "templates": {"q": "Q{{ q }}", "x": "X"}})
json.dump({"tests":cases}, open("fuzz2.json","w"))
