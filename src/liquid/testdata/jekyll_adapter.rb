require "json"
require "jekyll"
site = Jekyll::Site.new(Jekyll.configuration({"source" => "/tmp/lt/site", "destination" => "/tmp/lt/_site", "baseurl" => "/blog", "url" => "https://Example.com", "quiet" => true}))
golden = JSON.parse(File.read(ARGV.fetch(0)))
golden["tests"].each do |t|
  out = nil; err = nil
  begin
    tpl = Liquid::Template.parse(t["template"], line_numbers: true)
    out = tpl.render(t["data"] || {}, registers: { site: site })
  rescue Exception => e
    err = "#{e.class}: #{e.message}"
  end
  puts JSON.generate({ "name" => t["name"], "output" => out, "error" => err })
end
