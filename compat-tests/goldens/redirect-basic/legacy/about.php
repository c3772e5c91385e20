<!DOCTYPE html>
<html lang="en-US">
  <meta charset="utf-8">
  <title>Redirecting&hellip;</title>
  <link rel="canonical" href="/about.html">
  <script>location="/about.html"</script>
  <meta http-equiv="refresh" content="0; url=/about.html">
  <meta name="robots" content="noindex">
  <h1>Redirecting&hellip;</h1>
  <a href="/about.html">Click here if you are not redirected.</a>
</html>
