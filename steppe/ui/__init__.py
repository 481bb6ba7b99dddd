"""The Streamlit layer: the only part of the package that imports streamlit. One idea per module:

state    the view: read from the URL once per run; the only writer of the URL and the session's view
pages    the page registry (st.Page objects) and links between pages
atlas    the cached, validated data and the data-error page; offline assets
figures  cached Plotly figures, shared by every session on the same view and data version
sidebar  the filter widgets, generated from the filter table in steppe.urlstate
panels   notices, headers, the event detail panel, the legend, tables, upload results
mapview  the Map page's map, Play controls and clicks
story    a guided story's slide
theme    every CSS rule the theme cannot express
"""
