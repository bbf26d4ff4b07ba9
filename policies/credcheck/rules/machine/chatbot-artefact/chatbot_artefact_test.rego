package credcheck.rules.machine["chatbot-artefact_test"]

import data.credcheck.lib.testing as t
import data.credcheck.rules.machine["chatbot-artefact"] as rule

leak := object.union(t.match(0, `\bI hope this helps\b`, "", -1), {"text": "I hope this helps"})

test_fires_on_leak if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"chatbot_artefacts": [leak]})
	{f.start | some f in r} == {leak.start}
}

test_quiet_when_quoted if {
	r := rule.report with input as t.doc([t.sentence(0, "body")], {"chatbot_artefacts": [object.union(leak, {"quoted": true})]})
	count(r) == 0
}
