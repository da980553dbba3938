#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI lives in dist/src/cli/main.js (built by `npm ci` through the prepare script).
require('../dist/src/cli/main.js');
