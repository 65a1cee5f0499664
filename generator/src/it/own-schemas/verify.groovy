// Invocations 1 to 3 pass (invoker checks that); these are the messages a user reads.
def log = new File(basedir, 'build.log').text
def catalog = new File(basedir, 'src/main/schemas/EVENTS.md').text

assert log.contains('hookgen:catalog') && log.contains('hookgen:generate') && log.contains('hookgen:validate') && log.contains('hookgen:help')
assert catalog.contains('### poll_voted') && catalog.contains('### message_sent') && !catalog.contains('### meeting_ended')
assert catalog.contains('`com.example.webhooks.model.User`')
def bad = new File(basedir, 'src/test/bad-payloads/poll_voted.json').path
assert log.contains('[ERROR] hookgen: ' + bad + ': $.data.vote.votedAt: string found, integer expected')
assert log.contains('validate (default-cli) on project webhooks: hookgen: 0 valid, 1 invalid')
return true
