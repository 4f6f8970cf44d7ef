"""Analyses of a map (pure Python + networkx): the emotion curve and the flow of steps.

These feed the canvas's emotion lane, the PDF handout and the planned findings panel.
"""
