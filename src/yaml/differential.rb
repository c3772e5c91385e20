# Ruby half of the YAML differential test (see `differential_against_ruby` in tests.rs).
# Reads JSON-encoded YAML documents, one per line, and prints what Jekyll 4.3 (Debian:
# Psych.safe_load with Date and Time permitted, aliases allowed) makes of each, in the same
# type-tagged form as `canon` in tests.rs. Usage:
#   TZ=UTC ruby src/yaml/differential.rb < cases.jsonl > ruby.out
#   TZ=UTC YAML_DIFF_IN=cases.jsonl YAML_DIFF_OUT=ours.out \
#     cargo test --lib yaml::tests::differential_against_ruby -- --ignored
#   diff ruby.out ours.out
require "psych"
require "date"
require "json"

def canon(v, seen = [])
  return "RECURSIVE" if seen.any? { |s| s.equal?(v) }
  seen += [v] if v.is_a?(Array) || v.is_a?(Hash)
  case v
  when nil then "nil"
  when true, false then v.to_s
  when Integer then (-2**63...2**63).cover?(v) ? "i:#{v}" : v.to_s.to_json
  when Float then "f:#{v}"
  when String then v.dup.force_encoding("UTF-8").scrub.to_json
  when Array then "[" + v.map { |x| canon(x, seen) }.join(", ") + "]"
  when Hash then "{" + v.map { |k, x| "#{(k.is_a?(String) ? k : k.to_s).to_json}: #{canon(x, seen)}" }.join(", ") + "}"
  when Date then "d:#{v.strftime('%Y-%m-%d')}"
  when Time then "t:#{v.strftime('%Y-%m-%d %H:%M:%S.%N %z')}"
  else "?#{v.class}"
  end
end

def jekyll_load(yaml)
  Psych.safe_load(yaml, permitted_classes: [Date, Time], aliases: true)
rescue ArgumentError
  Psych.safe_load(yaml, [Date, Time])
end

STDIN.each_line do |line|
  out = begin
    canon(jekyll_load(JSON.parse(line)))
  rescue Psych::SyntaxError => e
    "ERR:#{e.message}"
  rescue StandardError => e
    "ERR:#{e.message.lines.first.to_s.chomp}"
  end
  puts out
end
