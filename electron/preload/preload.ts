import { contextBridge, ipcRenderer } from 'electron';
import { appApi } from '../../shared/contracts/app-api.js';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld('hicare', createBridge(appApi, ipcRenderer));
