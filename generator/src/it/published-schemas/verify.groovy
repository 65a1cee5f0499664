// Invocations 1 to 4 pass (invoker checks that); these are the files and messages a user sees.
def log = new File(basedir, 'build.log').text
def own = new File(basedir, 'src/main/schemas')
def generated = new File(basedir, 'target/generated-sources/hookgen/com/example/webhooks')
def classes = new File(basedir, 'target/classes/com/example/webhooks')

// 2. The draft reuses the published definitions and went to the project's own folder, which holds nothing else
// of the published schemas; the goal named the next command.
def draft = new File(own, 'triggers/poll_voted.json').text
assert draft.contains('"$ref": "../definitions/message.json"') && draft.contains('"javaType": "com.example.webhooks.PollVotedEvent"')
assert new File(own, 'samples/poll_voted.json').text == new File(basedir, 'payloads/poll_voted.json').text
assert own.list().sort() == ['EVENTS.md', 'samples', 'triggers'] && new File(own, 'triggers').list() as List == ['poll_voted.json']
assert log.contains('[INFO] hookgen: then run mvn install: it gives com.example.webhooks.PollVotedEvent, a Trigger constant and a WebhookHandler method for poll_voted.')

// 3. The new trigger was built (4 removed it) and its sample parsed to it (SamplesTest passed in 3).
// 4. With no clean: the triggers no longer selected are gone from the sources, the classes and the jar,
// with the folders left empty; the selected ones are there.
assert log.contains('hookgen: removed stale com/example/webhooks/PollVotedEvent.java')
assert !new File(generated, 'PollVotedEvent.java').exists() && !new File(classes, 'PollVotedEvent.class').exists()
assert !new File(generated, 'CallEndedEvent.java').exists() && !new File(classes, 'CallEndedEvent.class').exists()
assert !new File(classes, 'model/PollVotedEventData.class').exists()
assert new File(generated, 'MessageSentEvent.java').exists() && new File(classes, 'MessageSentEvent.class').exists()
def jar = new java.util.zip.ZipFile(new File(basedir, 'target/webhooks-1.0.jar'))
try {
    def entries = jar.entries().collect { it.name }
    assert entries.contains('com/example/webhooks/MessageSentEvent.class')
    assert !entries.any { it.contains('PollVoted') || it.contains('CallEnded') }
} finally {
    jar.close()
}
return true
