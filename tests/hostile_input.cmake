# kgx on documents made of one construct repeated for megabytes: a markdown
# '[' or link that never closes, HTML '&', '<', '<!--', <title> runs, a
# front-matter title the body nearly repeats, and for the stages after the
# reader an unclosed 【 before names, chains of countries (US-China-...), and
# long texts of the same deal, dated deals and restrictions. Each once
# searched from every unit to the end of the file or compared every match
# with all before it: minutes for these sizes. The test does not time
# anything: ctest's TIMEOUT on it (tests/CMakeLists.txt) catches a return
# of that. bench/gen_hostile.py makes the same cases at any size.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/in")

function(hostile name prefix unit megabytes)
  string(LENGTH "${unit}" len)
  math(EXPR count "${megabytes} * 1000000 / ${len}")
  string(REPEAT "${unit}" ${count} body)
  file(WRITE "${OUT}/in/${name}" "${prefix}${body}")
endfunction()

hostile(brackets.txt "" "[" 2)
hostile(link.txt "" "[a](" 2)
hostile(image.txt "" "![" 2)
hostile(amp.html "<p>" "&" 2)
hostile(amp-hash.html "<p>" "&#" 2)
hostile(amp-name.html "<p>" "&a" 2)
hostile(brackets.html "<p>" "[" 2)
hostile(html-in.txt "<p><div><span>" "[" 2)
hostile(title.html "<p>" "<title>" 2)
hostile(tags.html "<p>" "<a " 2)
string(REPEAT "a" 100000 long_title)
hostile(front-title.md "---\ntitle: ${long_title}b\n---\n" "a" 2)
hostile(dateline.txt "【" "Japan " 1)
hostile(chain.txt "" "US-China-" 1)
hostile(chain-dot.txt "" "日本・中国・" 1)
hostile(deals.txt "" "Japan and Australia signed a $1 million deal. " 1)
hostile(dated.txt "" "Japan and Australia signed a deal on 5 March 2024. " 1)
hostile(restrictions.txt "" "China banned exports of gallium to Japan. China banned exports. " 1)
# Page furniture that never closes (each once searched 16 KiB ahead), figures
# that take the currency of the amount before them, and clause dashes.
hostile(furniture.html "<p>" "<div class=\"ticker\">x " 2)
hostile(furniture-id.html "<p>" "<a id=ad>x " 2)
hostile(elided.txt "" "$5 billion, 3 billion, " 1)
hostile(dashes.txt "China imposed tariffs " "a – " 1)
# Count words ("the three countries") beside groupings, each once compared with
# every hit of its sentence.
hostile(counts.txt "" "Central Asia and the three countries, " 1)

execute_process(COMMAND "${KGX}" extract "${OUT}/in" -q -o "${OUT}/records.jsonl"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kgx extract on the hostile documents exited ${rc}:\n${err}")
endif()
# Every document gave its record, and what the rules read is still read.
file(STRINGS "${OUT}/records.jsonl" records)
list(LENGTH records n)
if(NOT n EQUAL 22)
  message(FATAL_ERROR "expected 22 records, got ${n}")
endif()
foreach(record ${records})
  string(JSON doc GET "${record}" doc)
  if(doc MATCHES "deals.txt$")
    string(JSON first GET "${record}" agreements 0 parties 0)
    string(JSON second GET "${record}" agreements 0 parties 1)
    string(JSON agreements LENGTH "${record}" agreements)
    string(JSON amounts LENGTH "${record}" agreements 0 amounts)
    if(NOT "${first}-${second}" STREQUAL "AU-JP" OR NOT agreements EQUAL 1 OR amounts LESS 20000)
      message(FATAL_ERROR "deals.txt: one AU-JP agreement with every amount expected, got "
                          "${agreements}, the first ${first}-${second} with ${amounts} amounts")
    endif()
  elseif(doc MATCHES "restrictions.txt$")
    string(JSON from GET "${record}" restrictions 0 from)
    string(JSON to GET "${record}" restrictions 0 to)
    if(NOT from STREQUAL "CN" OR NOT to STREQUAL "JP")
      message(FATAL_ERROR "restrictions.txt: CN to JP expected, got ${from} to ${to}")
    endif()
  endif()
endforeach()
