import { render } from 'preact';
import { Library } from '@/components/Library';
import { t } from '@/components/i18n';
import { makeLibraryServices } from './services';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = `${t('lib_title')} · ${t('extName')}`;
render(<Library services={makeLibraryServices()} t={t} />, document.getElementById('app')!);
