"""The build layer: public datasets in, shipped tables, model and evaluation out.

Everything that reads ``../shared/datasets`` or a user's postings file lives here; the
runtime (``import rolefit``, the scoring CLI) never imports this package, and reads only
what the build wrote into ``data/`` and ``models/``. Modules:

- :mod:`~rolefit.build.datasets`: readers of the public datasets, labelled postings;
- :mod:`~rolefit.build.titles`: job title -> role rules;
- :mod:`~rolefit.build.tables`: derived prevalence and salary-premium tables;
- :mod:`~rolefit.build.salaries`: salary percentiles from the salary survey;
- :mod:`~rolefit.build.training`: training rows, the classifier fit, ``rolefit train``;
- :mod:`~rolefit.build.metrics`, :mod:`~rolefit.build.evaluation`,
  :mod:`~rolefit.build.evaluation_report`, :mod:`~rolefit.build.plots`: held-out
  evaluation, its Markdown report and figures;
- :mod:`~rolefit.build.model_card`, :mod:`~rolefit.build.pipeline`: the whole rebuild;
- :mod:`~rolefit.build.reader`: the learned reader of mention statuses and its
  cross-validation against the rules;
- :mod:`~rolefit.build.cli`: ``python -m rolefit.build build|train|evaluate|reader``.

Needs the ``build`` extra (``pip install rolefit[build]``: PyYAML, tabulate).
"""
