// Types for what Vite adds to the web app: CSS imports and import.meta.env.
/// <reference types="vite/client" />
