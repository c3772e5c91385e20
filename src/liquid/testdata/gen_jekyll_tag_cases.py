import json, os
tpls = {f: open('site/_includes/'+f).read() for f in os.listdir('site/_includes')}
cases=[]
def c(t, data):
    cases.append({"name":"k%d"%len(cases),"template":t,"data":data,"tags":[],"templates":tpls})
D={"x": "X", "page": {"title": "T", "inc": "p"}, "code": "def f\n  1\nend"}
for t in ["{% include p.html %}", "{% include p.html a=1 b=\"two words\" %}", "{% include p.html a=page.title b='s\\'q' %}", "{% include {{ page.inc }}.html a=1 %}",
          "{% include q.html a=1 %}{{ leaked }}", "{% include nest.html a=1 %}", "{% include p.html a=1 %}{{ include.a }}", "{% include missing.html %}",
          "{% include ../x.html %}", "{% include p.html a %}", "{% include err.html %} tail", "{% include syn.html %}",
          "{% highlight ruby %}\n{{ code }}\n{% endhighlight %}", "{% highlight text linenos %}\na<b\nc\n{% endhighlight %}", "{% highlight c++ %}x{% endhighlight %}",
          "{% highlight %}x{% endhighlight %}", "{% highlight text mark_lines=\"1 2\" %}\nq\n{% endhighlight %}", "a{% highlight Text %}\n\nx\n\n{% endhighlight %}b", "a{% highlight ruby %}\n  \n{% endhighlight %}b", "a{% highlight ruby %}{% assign x = 1 %}{% endhighlight %}b{{ x }}",
          "{% include p.html a=\"x\" %}{% include p.html %}", "{% include p.html a=page.missing %}", "{% include p.html a='1' a='2' %}", "{% include  p.html   a=1   %}"]:
    c(t, D)
json.dump({"tests": cases}, open("ksuite.json", "w"))
