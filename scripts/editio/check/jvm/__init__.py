"""The warm check engine: jing's RELAX NG and a Schematron stylesheet on Saxon-HE, in one multi-threaded JVM
(CheckEngine.java, compiled once per user by classes.py, run by engine.py)."""
