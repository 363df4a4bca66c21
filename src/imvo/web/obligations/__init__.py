"""The workspace's "Your obligations": the organisation's legal facts, its imports and the rules engine.

Facts are stored here (profile, import records, tenders), register facts are read from the register
(``register_facts``), and every evaluation is done by :mod:`imvo.core.obligations`.
"""
