export * from './feedback';
export * from './fields';
export { Layout, PageTitle } from './Layout';
export { Modal } from './Modal';
export { StepIndicator } from './StepIndicator';
export { Tabs, type TabItem } from './Tabs';
export { ToastProvider, useToast } from './Toast';
