/**
 * The tray icon: a 32×32 PNG (a white upward arrow on the brand's teal), kept in the code so the shell needs no
 * resource file to show it. Loaded with scale factor 2, so it is drawn at 16×16 points, crisp on high-DPI screens.
 */
export const TRAY_ICON_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAA+ElEQVR42mNgGGyAvyxPgb8sr5+/LO88f1nefyrh81AzFQhZnsBflveeihajY5DZCfgs/08nnIAt2N/T0QHvUaIDGj//6Yz7kR1AVoLLXLkEjMlNmMgOIMtyGCDXEWQ7wHvGpP/oACRGFwfYTOj8/+HbNwwHgMRAcjR1AC7LyXUESQ6Qqy//f+npk/+EAEgNSC1VHUCs5aQ6gmgHHL57+z+pAKSHKg5Yeubkf3IBSC9FDqDEcmIcQXY5gAvQrSAadcCoAwbcAe27t2PFdHMAtTBRDsDlW2IxsQ44T2p8EwuIbZL1D4AD+gdPs3zAOyaDoms2KDqnAwEAagzvwugqeYkAAAAASUVORK5CYII=';

export const TRAY_ICON_SCALE_FACTOR = 2;
