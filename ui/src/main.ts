// Mounts the app. Styles come from the built CSS file (the CSP allows nothing inline).
import "./app.css";
import "./lib/ui/blocks.css";
import { mount } from "svelte";
import App from "./App.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

export default mount(App, { target });
