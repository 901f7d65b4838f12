"""The model-based phase: random sequences of Save, Get and Remove against a model of the store.

The model holds what the server must hold: each credential's key and its carrier as
last saved. After every step every (AssociateId, Type) the run has touched is read and
compared with it, and a failure is shrunk to the shortest sequence that shows it.

- ``facts``: what the phase reads from the spec (operations, key fields, carrier fields,
  media types, the key-text comparison, the stable-order promise);
- ``keys``: the small key space, its residents, and the ways the spec lets a server
  compare key texts; ``values``: the carrier values, from the classes that break real
  servers; ``bodies``: the Save, Get and Remove bodies, placed where the links say;
- ``state``: the model; ``judge``: an answer against it, with ``compare`` for values;
  ``readers``: who reads, and what each may see of a secret;
- ``calls``: a request of the phase, sent and judged as a case of the run;
- ``machine``: the hypothesis state machine and its sequences; ``concurrency``: the
  rounds of writes at once; ``shrink``: the bound on shrinking; ``report``: the text of
  a difference;
- ``run``: one run of the phase (its budget, residents, key space); ``tally``: what the
  summary shows of it.
"""
