"""The model-based phase: random sequences of Save, Get and Remove against a model of the store.

The model holds what the server must hold: each credential's key and its carrier as
last saved. After every step every (AssociateId, Type) the run has touched is read and
compared with it, and a failure is shrunk to the shortest sequence that shows it.

- ``facts``: what the phase reads from the spec (operations, key fields, carrier fields,
  media types, the key-text comparison, the stable-order promise);
- ``keys``: the small key space and the ways the spec lets a server compare key texts;
- ``values``: the carrier values, from the classes that break real servers;
- ``state``: the model itself; ``judge``: observed answers against it;
- ``calls``: sending a step through the run's session, judged by every check;
- ``machine``: the hypothesis state machine; ``concurrency``: the rounds of writes at once;
- ``tally``: what the summary shows of the phase.
"""
