import streamlit as st; st.write("ready")
